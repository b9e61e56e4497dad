using System.Net;
using System.Text.Json;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// A Connector error body: <c>{"error":{"code","message"}}</c>, where Teams sometimes nests a JSON string with a
/// <c>subCode</c> inside <c>message</c>. Both levels are read; the most specific code wins.
/// </summary>
public sealed record ConnectorError(HttpStatusCode Status, string Code)
{
    public override string ToString() => $"{(int)Status} {Code}";

    public static ConnectorError Parse(HttpStatusCode status, string body)
    {
        var code = status.ToString();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = String(error, "code") ?? code;
                if (String(error, "message") is { } message && SubCode(message) is { } subCode)
                {
                    code = subCode;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status alone says enough.
        }

        return new ConnectorError(status, code);
    }

    private static string? SubCode(string message)
    {
        if (!message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(message);
            return String(inner.RootElement, "subCode") ?? String(inner.RootElement, "code");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;
}
