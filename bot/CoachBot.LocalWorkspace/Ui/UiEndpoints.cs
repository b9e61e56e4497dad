using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.Outbound;
using CoachBot.LocalWorkspace.State;

namespace CoachBot.LocalWorkspace.Ui;

/// <summary>The browser's own JSON API under /ui: a long-polled view of the workspace, and what a person can do in it.</summary>
public static class UiEndpoints
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    public static IEndpointRouteBuilder MapWorkspaceUi(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui").DisableAntiforgery();
        ui.MapGet("/workspace", (WorkspaceState state) => TypedResults.Ok(new
        {
            team = new { id = state.Ids.TeamId, name = state.Roster.TeamName },
            bot = state.Roster.Bot,
            managersChannelId = state.ManagersChannelId,
            people = state.Roster.People,
        }));
        ui.MapGet("/state", async (string @as, long? since, WorkspaceState state, IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
        {
            if (since is { } known)
            {
                // Shutting down ends open long polls at once instead of holding the host for their full wait.
                using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
                await state.Feed.WaitForChangeAsync(known, LongPoll, stopping.Token);
            }

            return TypedResults.Ok(UiSnapshot.For(state, @as));
        });
        ui.MapPost("/messages", (Post body, WorkspaceActions actions) => Run(actions.SendAsync(body.As, body.Channel, body.Text ?? "")));
        ui.MapPost("/actions", (Click body, WorkspaceActions actions) => Run(body.Channel == "home"
            ? actions.ClickHomeAsync(body.As, body.BlockId, body.ActionId)
            : actions.ClickAsync(body.As, body.Channel, body.Ts ?? "", body.BlockId, body.ActionId)));
        ui.MapPost("/tabs", (OpenTab body, WorkspaceActions actions) => Run(actions.OpenTabAsync(body.As, body.Tab)));
        ui.MapPost("/members", (Member body, WorkspaceActions actions) => Run(actions.AddMemberAsync(body.As, body.Channel, body.User)));
        ui.MapGet("/clock", (CoachBotClient coachBot) => Demo(coachBot.DemoAsync(HttpMethod.Get, "demo/clock")));
        ui.MapPost("/clock/advance", async (int minutes, CoachBotClient coachBot, WorkspaceClock clock) =>
        {
            using (clock.Moving())
            {
                return await Demo(coachBot.DemoAsync(HttpMethod.Post, $"demo/clock/advance?minutes={minutes}"));
            }
        });
        ui.MapPost("/nudge-now", (string user, CoachBotClient coachBot) =>
            Demo(coachBot.DemoAsync(HttpMethod.Post, $"demo/nudge-now?user={Uri.EscapeDataString(user)}")));
        return app;
    }

    private static async Task<IResult> Run(Task<string?> action) =>
        await action is { } error ? TypedResults.BadRequest(new { error }) : TypedResults.Ok(new { ok = true });

    // The clock panel shows CoachBot's answer as is, or why CoachBot could not be asked.
    private static async Task<IResult> Demo(Task<Delivery> call)
    {
        var delivery = await call;
        if (!delivery.Succeeded)
        {
            return TypedResults.Json(new { error = delivery.Outcome, detail = delivery.Body }, statusCode: StatusCodes.Status502BadGateway);
        }

        return TypedResults.Text(delivery.Body.Length > 0 ? delivery.Body : "{}", "application/json");
    }

    private sealed record Post(string As, string Channel, string? Text);
    private sealed record Click(string As, string Channel, string? Ts, string BlockId, string ActionId);
    private sealed record OpenTab(string As, string Tab);
    private sealed record Member(string As, string Channel, string User);
}
