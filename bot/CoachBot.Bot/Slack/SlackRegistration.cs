using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

public static class SlackRegistration
{
    /// <summary>
    /// Slack for one workspace (token from Slack:BotToken). With neither token nor signing secret Slack is off;
    /// with only one of them the host refuses to start and names the missing key.
    /// </summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();

        var section = builder.Configuration.GetSection(SlackOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]) && string.IsNullOrWhiteSpace(section[nameof(SlackOptions.SigningSecret)]))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddHttpClient<SlackWebClient>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(15);
        });
        services.TryAddSingleton<SharedRateGate>();
        services.AddSingleton<SlackWorkspaces>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackPeople>();
        services.AddSingleton<SlackInboundStore>();
        services.AddTransient<SlackMessenger>();
        services.AddTransient<IChatMessenger>(provider => provider.GetRequiredService<SlackMessenger>());
        services.AddTransient<SlackReplies>();
        services.AddTransient<SlackEventWork>();
        services.AddTransient<SlackCommandWork>();
        services.AddTransient<SlackActionWork>();
        services.AddTransient<SlackInboundJob>();
        services.AddTransient<SlackInboundSweepJob>();
        services.AddHostedService<SlackStartupService>();
        services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack", tags: ["ready"]);
        return builder;
    }

    /// <summary>Content type, size cap and v0 signature on the raw body, before any handler parses it.</summary>
    public static RouteGroupBuilder RequireSlackSignature(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<SlackSignatureFilter>();
        return group;
    }
}
