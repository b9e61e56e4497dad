using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

public static class TeamsEndpoints
{
    public const string Route = "/api/messages";

    /// <summary>POST /api/messages only (other methods get 405 from routing): verified, parsed, deduped, then handled.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, (HttpContext context, TeamsActivityHandler handler) => handler.HandleAsync(context.GetActivity(), context.RequestAborted))
            .RequireBotFramework()
            .DisableAntiforgery();
        return app;
    }
}
