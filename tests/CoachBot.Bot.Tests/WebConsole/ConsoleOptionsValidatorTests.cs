using CoachBot.Bot.WebConsole;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Bot.Tests.WebConsole;

public sealed class ConsoleOptionsValidatorTests
{
    [Fact]
    public void AConsoleThatIsOffNeedsNothing()
    {
        var result = Validate(new ConsoleOptions(), "Production");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void AnEnabledConsoleWithoutAnyProviderNamesTheKeysToSet()
    {
        var result = Validate(new ConsoleOptions { Enabled = true }, "Production");

        Assert.Equal("Console:Enabled is true but no sign-in is configured: set Console:Slack:ClientId and Console:Slack:ClientSecret, or Console:Entra:ClientId, Console:Entra:ClientSecret and Console:Entra:TenantId", result.FailureMessage);
    }

    [Fact]
    public void ASlackClientIdWithoutItsSecretStopsStartUp()
    {
        var result = Validate(new ConsoleOptions { Enabled = true, Slack = { ClientId = "123.456" } }, "Production");

        Assert.Equal("Console:Slack needs both ClientId and ClientSecret (the Slack app's credentials from its Basic Information page)", result.FailureMessage);
    }

    [Fact]
    public void EntraNeedsATenantOrAnAuthority()
    {
        var result = Validate(new ConsoleOptions { Enabled = true, Entra = { ClientId = "app", ClientSecret = "s" } }, "Production");

        Assert.Equal("Console:Entra needs TenantId (the directory's tenant id) or Authority", result.FailureMessage);
    }

    [Fact]
    public void PlainHttpMetadataIsRefusedInProductionOnly()
    {
        var options = new ConsoleOptions { Enabled = true, RequireHttpsMetadata = false, Slack = { ClientId = "id", ClientSecret = "s", Authority = "http://127.0.0.1:5090" } };

        var production = Validate(options, "Production");
        var demo = Validate(options, "Demo");

        Assert.Equal("Console:RequireHttpsMetadata=false is refused in the Production environment: sign-in metadata must come over https", production.FailureMessage);
        Assert.True(demo.Succeeded);
    }

    [Fact]
    public void ABadAuthorityIsNamed()
    {
        var result = Validate(new ConsoleOptions { Enabled = true, Slack = { ClientId = "id", ClientSecret = "s", Authority = "slack.com" } }, "Production");

        Assert.Equal("Console:Slack:Authority must be an absolute http or https URL (it is 'slack.com')", result.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ConsoleOptions options, string environment) =>
        new ConsoleOptionsValidator(new Environment(environment)).Validate(null, options);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CoachBot.Bot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
