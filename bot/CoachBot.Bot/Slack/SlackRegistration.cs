using CoachBot.Bot.Slack.SocketMode;
using CoachBot.Jobs.Hosting;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

public static class SlackRegistration
{
    /// <summary>
    /// Slack for one workspace (Slack:BotToken) and/or any number installed through OAuth (Slack:ClientId and friends).
    /// With no credentials Slack is off; with only some of them the host refuses to start and names the missing key.
    /// </summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services.AddSlackSending(builder.Configuration);
        // Registered even with Slack off, because Program's UseRateLimiter needs the service either way.
        services.AddRateLimiter(_ => { });
        if (!SlackSendingRegistration.HasCredentials(builder.Configuration))
        {
            return builder;
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetSection(SlackOptions.Section)[nameof(SlackOptions.ClientId)]))
        {
            services.AddSingleton<SlackInstallStates>();
            services.AddTransient<SlackInstallStateSweepJob>();
            services.AddRateLimiter(limits => limits.AddPolicy<string, SlackInstallRateLimit>(SlackInstallRateLimit.Policy));
        }

        services.AddSingleton<SlackPeople>();
        services.AddSingleton<SlackInboundStore>();
        services.AddTransient<SlackReplies>();
        services.AddTransient<SlackEventWork>();
        services.AddTransient<SlackCommandWork>();
        services.AddSingleton<SlackCommandRunner>();
        services.AddHostedService(s => s.GetRequiredService<SlackCommandRunner>());
        services.AddTransient<SlackActionWork>();
        services.AddTransient<SlackInboundJob>();
        services.AddSingleton<SlackInboundLane>();
        services.AddHostedService(s => s.GetRequiredService<SlackInboundLane>());
        services.AddTransient<SlackInboundSweepJob>();
        services.AddSingleton<SlackInboundSweepJob.Schedule>();
        services.AddSingleton<IRecurringJobRegistrar>(s => s.GetRequiredService<SlackInboundSweepJob.Schedule>());
        services.AddHostedService<SlackStartupService>();
        services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack", tags: ["ready"]);
        return builder.AddSlackSocketMode();
    }

    /// <summary>Content type, size cap and v0 signature on the raw body, before any handler parses it.</summary>
    public static RouteGroupBuilder RequireSlackSignature(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<SlackSignatureFilter>();
        return group;
    }
}
