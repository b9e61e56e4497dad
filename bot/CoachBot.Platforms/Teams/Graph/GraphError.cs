using System.Net;
using System.Text.Json;

namespace CoachBot.Platforms.Teams.Graph;

/// <summary>Graph's error body <c>{"error":{"code","message"}}</c>; a body that is not JSON leaves the status as the code.</summary>
public sealed record GraphError(HttpStatusCode Status, string Code, string Message)
{
    public static GraphError Parse(HttpStatusCode status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return new GraphError(status, Text(error, "code") ?? status.ToString(), Text(error, "message") ?? "");
            }
        }
        catch (JsonException)
        {
            // A gateway's HTML page: the status says enough.
        }

        return new GraphError(status, status.ToString(), "");
    }

    public GraphFailure Failure => Status switch
    {
        HttpStatusCode.NotFound => GraphFailure.UserNotFound,
        HttpStatusCode.Forbidden when Mentions("policy") || Mentions("blocked") => GraphFailure.BlockedByPolicy,
        HttpStatusCode.Forbidden => GraphFailure.PermissionMissing,
        HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => GraphFailure.Throttled,
        HttpStatusCode.Unauthorized => GraphFailure.Token,
        _ => GraphFailure.Other,
    };

    public override string ToString() => $"{(int)Status} {Code}";

    private bool Mentions(string word) => Message.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
