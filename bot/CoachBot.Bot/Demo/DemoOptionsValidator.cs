using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Demo;

// Production never runs the demo: its clock can be moved and its endpoints change schedules without a Slack signature.
internal sealed class DemoOptionsValidator(IHostEnvironment environment) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        options.Enabled && environment.IsProduction()
            ? ValidateOptionsResult.Fail($"{DemoOptions.Section}:Enabled must not be true in the Production environment; the demo is for local runs (set ASPNETCORE_ENVIRONMENT=Demo)")
            : ValidateOptionsResult.Success;
}
