using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Slack;

public static class SlackSendingRegistration
{
    /// <summary>
    /// The send side of Slack (options, Web API client, tokens of installed workspaces, <see cref="SlackMessenger"/>), with no
    /// endpoints, so a plain generic host can send too. With no credentials only the (validated) options are registered.
    /// </summary>
    public static IServiceCollection AddSlackSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        if (!HasCredentials(configuration))
        {
            return services;
        }

        services.AddHttpClient<SlackWebClient>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(15);
        }).AddHttpMessageHandler<BurstGuardHandler>();
        services.AddSendPacing();
        services.AddSingleton<SlackWorkspaces>();
        services.AddSingleton<SlackTokenCipher>();
        services.AddSingleton<SlackInstallations>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddTransient<SlackMessenger>();
        services.AddTransient<IChatMessenger>(provider => provider.GetRequiredService<SlackMessenger>());
        return services;
    }

    /// <summary>Any Slack credential set turns Slack on (the validator then insists on the rest).</summary>
    public static bool HasCredentials(IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        string[] credentials = [nameof(SlackOptions.BotToken), nameof(SlackOptions.SigningSecret), nameof(SlackOptions.ClientId), nameof(SlackOptions.AppToken)];
        return credentials.Any(key => !string.IsNullOrWhiteSpace(section[key]));
    }
}
