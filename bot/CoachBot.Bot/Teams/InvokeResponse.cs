using System.Text.Json.Nodes;

namespace CoachBot.Bot.Teams;

/// <summary>Bodies for an <c>adaptiveCard/action</c> invoke: the HTTP status stays 200, the outcome is in the body.</summary>
internal static class InvokeResponse
{
    public static IResult Card(JsonObject card) =>
        TypedResults.Json(new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.card.adaptive", ["value"] = card });

    public static IResult Message(string text) =>
        TypedResults.Json(new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text });

    public static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new JsonObject
        {
            ["statusCode"] = status,
            ["type"] = "application/vnd.microsoft.error",
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
}
