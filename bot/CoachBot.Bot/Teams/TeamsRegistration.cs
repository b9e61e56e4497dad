using CoachBot.Platforms.Teams;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

public static class TeamsRegistration
{
    /// <summary>Bot Framework auth, the Connector client and <see cref="TeamsMessenger"/>. Without Teams:AppId Teams is off unless Teams:LocalNoAuth opts in.</summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        var services = builder.Services.AddTeamsSending();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsLocalModeValidator>();
        services.AddHostedService<TeamsStartupNotice>();

        services.AddHttpContextAccessor();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, BotFrameworkAuthentication>();
        services.AddAuthentication().AddJwtBearer(BotFrameworkAuthentication.Scheme, _ => { });
        services.AddSingleton<IAuthorizationHandler, BotFrameworkCallerHandler>();
        services.AddAuthorizationBuilder().AddPolicy(BotFrameworkCaller.Policy, policy => policy
            .AddAuthenticationSchemes(BotFrameworkAuthentication.Scheme)
            .AddRequirements(new BotFrameworkCaller()));
        services.AddHttpClient(nameof(BotFrameworkKeys));
        services.AddSingleton<BotFrameworkKeys>();

        services.AddSingleton<ProcessedActivities>();

        services.AddSingleton<TeamsPeople.Cache>();
        services.AddTransient<TeamsPeople>();
        services.AddTransient<TeamsReplies>();
        services.AddTransient<TeamsConversationEvents>();
        services.AddTransient<TeamsActivityHandler>();
        return builder;
    }

    /// <summary>Bot Framework token (or local loopback mode), then the body checks in the order the protocol needs them.</summary>
    public static RouteHandlerBuilder RequireBotFramework(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(BotFrameworkCaller.Policy)
        .AddEndpointFilter<ActivityBodyFilter>()
        .AddEndpointFilter<BotFrameworkClaimsFilter>()
        .AddEndpointFilter<TenantAllowlistFilter>()
        .AddEndpointFilter<HandledActivityFilter>()
        .AddEndpointFilter<ActivityFailureFilter>()
        .AddEndpointFilter<ActivityDedupeFilter>();
}
