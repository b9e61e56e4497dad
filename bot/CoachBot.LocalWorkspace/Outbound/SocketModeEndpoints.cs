using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Outbound;

public static class SocketModeEndpoints
{
    /// <summary>apps.connections.open and the websocket it points at; both refuse everyone while Workspace:AppToken is unset.</summary>
    public static WebApplication MapSocketMode(this WebApplication app)
    {
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", (HttpRequest request, SocketModeLink link, WorkspaceState state) =>
        {
            var (url, error) = link.Open(request);
            state.Log.Add("in", "apps.connections.open", error is null ? "ok" : $"error: {error}");
            var answer = error is null ? new JsonObject { ["ok"] = true, ["url"] = url } : new JsonObject { ["ok"] = false, ["error"] = error };
            return Results.Text(answer.ToJsonString(), "application/json; charset=utf-8");
        }).DisableAntiforgery();
        app.Map("/link/", (HttpContext context, SocketModeLink link) => link.AcceptAsync(context));
        return app;
    }
}
