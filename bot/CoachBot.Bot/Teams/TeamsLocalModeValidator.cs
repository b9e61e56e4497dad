using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>Teams:LocalNoAuth only where no real caller can reach the bot through a proxy: Development and Demo.</summary>
internal sealed class TeamsLocalModeValidator(IHostEnvironment environment) : IValidateOptions<TeamsOptions>
{
    public const string DemoEnvironment = "Demo";

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.LocalNoAuth)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.HasCredentials)
        {
            return ValidateOptionsResult.Fail("Teams:LocalNoAuth=true and Teams:AppId are both set: remove Teams:LocalNoAuth to use Bot Framework authentication.");
        }

        return environment.IsDevelopment() || environment.IsEnvironment(DemoEnvironment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Teams:LocalNoAuth=true is refused in the {environment.EnvironmentName} environment (Development or Demo only): remove it, or set Teams:AppId and Teams:AppPassword.");
    }
}
