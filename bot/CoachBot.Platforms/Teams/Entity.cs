using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Platforms.Teams;

/// <summary>A mention (<c>type: "mention"</c>) or any other entity; only mentions are read.</summary>
public sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
