using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack.SocketMode;

public static class SlackSocketModeRegistration
{
    /// <summary>
    /// Socket Mode, when Slack:AppToken is set beside the usual Slack settings: this instance opens its own connection to
    /// Slack and feeds what arrives to the same handling as the HTTP endpoints, which stay mapped. Its state is in /readyz.
    /// </summary>
    public static WebApplicationBuilder AddSlackSocketMode(this WebApplicationBuilder builder)
    {
        if (!SlackSendingRegistration.HasCredentials(builder.Configuration)
            || string.IsNullOrWhiteSpace(builder.Configuration.GetSection(SlackOptions.Section)[nameof(SlackOptions.AppToken)]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddSingleton<SlackSocketDispatch>();
        services.AddSingleton<SlackSocketState>();
        services.AddHostedService<SlackSocketModeService>();
        services.AddHealthChecks().AddCheck<SlackSocketState>("slack-socket-mode", tags: ["ready"]);
        return builder;
    }
}
