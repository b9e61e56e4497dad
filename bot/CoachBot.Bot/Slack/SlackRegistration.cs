using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

public static class SlackRegistration
{
    /// <summary>
    /// Slack for one workspace (Slack:BotToken) and/or any number installed through OAuth (Slack:ClientId and friends).
    /// With no credentials Slack is off; with only some of them the host refuses to start and names the missing key.
    /// </summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();

        var section = builder.Configuration.GetSection(SlackOptions.Section);
        string[] credentials = [nameof(SlackOptions.BotToken), nameof(SlackOptions.SigningSecret), nameof(SlackOptions.ClientId)];
        if (credentials.All(key => string.IsNullOrWhiteSpace(section[key])))
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
        services.AddSingleton<SlackTokenCipher>();
        services.AddSingleton<SlackInstallations>();
        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.ClientId)]))
        {
            services.AddSingleton<SlackInstallStates>();
        }

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
