using Microsoft.Extensions.Options;

namespace CoachBot.Bot.WebConsole;

// A half-configured provider stops the host: a console whose sign-in fails at the first visitor helps nobody.
internal sealed class ConsoleOptionsValidator(IHostEnvironment environment) : IValidateOptions<ConsoleOptions>
{
    private const string S = ConsoleOptions.Section;

    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        string? failure = (options.Slack, options.Entra) switch
        {
            ({ IsConfigured: false }, { IsConfigured: false }) =>
                $"{S}:Enabled is true but no sign-in is configured: set {S}:Slack:ClientId and {S}:Slack:ClientSecret, or {S}:Entra:ClientId, {S}:Entra:ClientSecret and {S}:Entra:TenantId",
            ({ IsConfigured: true } slack, _) when string.IsNullOrEmpty(slack.ClientId) || string.IsNullOrEmpty(slack.ClientSecret) =>
                $"{S}:Slack needs both ClientId and ClientSecret (the Slack app's credentials from its Basic Information page)",
            ({ IsConfigured: true } slack, _) when !IsUrl(slack.Authority) =>
                $"{S}:Slack:Authority must be an absolute http or https URL (it is '{slack.Authority}')",
            (_, { IsConfigured: true } entra) when string.IsNullOrEmpty(entra.ClientId) || string.IsNullOrEmpty(entra.ClientSecret) =>
                $"{S}:Entra needs both ClientId and ClientSecret (the app registration's client id and a client secret)",
            (_, { IsConfigured: true } entra) when string.IsNullOrEmpty(entra.TenantId) && string.IsNullOrEmpty(entra.Authority) =>
                $"{S}:Entra needs TenantId (the directory's tenant id) or Authority",
            (_, { IsConfigured: true } entra) when !IsUrl(entra.EffectiveAuthority) =>
                $"{S}:Entra:Authority must be an absolute http or https URL (it is '{entra.Authority}')",
            _ when !options.RequireHttpsMetadata && environment.IsProduction() =>
                $"{S}:RequireHttpsMetadata=false is refused in the Production environment: sign-in metadata must come over https",
            _ => null,
        };
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    private static bool IsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
