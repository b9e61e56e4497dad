using CoachBot.Platforms.Teams;
using CoachBot.Platforms.Teams.Graph;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Tests.Teams.Graph;

public sealed class TeamsGraphOptionsValidatorTests
{
    private static readonly TeamsOptions Bot = new() { AppId = "app", AppPassword = "secret", TenantId = "tenant-1" };

    [Fact]
    public void GraphOffNeedsNothing()
    {
        var result = Validate(new TeamsGraphOptions(), new TeamsOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void GraphOnWithTheAppRegistrationAndCatalogIdIsValid()
    {
        var result = Validate(new TeamsGraphOptions { Enabled = true, TeamsAppId = Guid.NewGuid().ToString() }, Bot);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void GraphOnWithoutATenantOrSecretNamesBothKeys()
    {
        var result = Validate(new TeamsGraphOptions { Enabled = true, TeamsAppId = Guid.NewGuid().ToString() }, new TeamsOptions { AppId = "app" });

        Assert.Contains("Teams:AppPassword", result.FailureMessage);
        Assert.Contains("Teams:TenantId", result.FailureMessage);
    }

    [Fact]
    public void AnHttpAuthorityIsRefusedBecauseMsalRefusesIt()
    {
        var result = Validate(new TeamsGraphOptions { Enabled = true, TeamsAppId = Guid.NewGuid().ToString(), Authority = "http://login.example" }, Bot);

        Assert.Contains("Teams:Graph:Authority must be an https URL", result.FailureMessage);
    }

    private static ValidateOptionsResult Validate(TeamsGraphOptions graph, TeamsOptions teams) =>
        new TeamsGraphOptionsValidator(Options.Create(teams)).Validate(null, graph);
}
