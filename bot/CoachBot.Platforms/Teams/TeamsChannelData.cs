using System.Text.Json;

namespace CoachBot.Platforms.Teams;

/// <summary>The parts of Teams <c>channelData</c> CoachBot uses: tenant, team and channel ids.</summary>
public sealed record TeamsChannelData(string? TenantId, string? TeamId, string? ChannelId, string? EventType)
{
    public static TeamsChannelData From(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return new TeamsChannelData(null, null, null, null);
        }

        return new TeamsChannelData(
            IdOf(data, "tenant"),
            IdOf(data, "team"),
            IdOf(data, "channel"),
            data.TryGetProperty("eventType", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null);
    }

    private static string? IdOf(JsonElement data, string property) =>
        data.TryGetProperty(property, out var part) && part.ValueKind == JsonValueKind.Object
            && part.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
