using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.LocalWorkspace.State;
using CoachBot.LocalWorkspace.Ui;

namespace CoachBot.LocalWorkspace.Api;

/// <summary>POST /hooks/{token}: the response_url webhooks given out with slash commands and button clicks.</summary>
public static class ResponseUrlEndpoints
{
    public static IEndpointRouteBuilder MapResponseUrls(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{token}", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(string token, HttpRequest request, ResponseUrls hooks, WorkspaceState state)
    {
        var hook = hooks.Use(token);
        if (hook is null)
        {
            state.Log.Add("in", "response_url", "error: expired_url");
            return Results.Text("expired_url", statusCode: StatusCodes.Status404NotFound);
        }

        JsonObject? reply;
        try
        {
            reply = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            reply = null;
        }

        var error = reply is null ? "invalid_payload" : AppReply.Apply(state, hook.Channel, hook.User, hook.MessageTs, reply);
        state.Log.Add("in", "response_url", error is null ? "ok" : $"error: {error}");
        return error is null ? Results.Text("ok") : Results.Text(error, statusCode: StatusCodes.Status400BadRequest);
    }
}
