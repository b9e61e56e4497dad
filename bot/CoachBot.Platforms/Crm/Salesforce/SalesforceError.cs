using System.Net;
using System.Text.Json;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>The REST API's error body <c>[{"message","errorCode"}]</c>; a body that is not that shape leaves the status as the code.</summary>
public sealed record SalesforceError(HttpStatusCode Status, string Code, string Message)
{
    public static SalesforceError Parse(HttpStatusCode status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object)
            {
                var first = list[0];
                return new SalesforceError(status, Text(first, "errorCode") ?? status.ToString(), Text(first, "message") ?? "");
            }
        }
        catch (JsonException)
        {
            // A load balancer's HTML page: the status says enough.
        }

        return new SalesforceError(status, status.ToString(), "");
    }

    /// <summary>The message's last line, short: INVALID_FIELD quotes the whole query above it.</summary>
    public string Brief
    {
        get
        {
            var line = Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            return line.Length <= 200 ? line : line[..200] + "…";
        }
    }

    public override string ToString() => $"{(int)Status} {Code}";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
