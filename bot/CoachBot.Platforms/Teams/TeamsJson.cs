using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Platforms.Teams;

/// <summary>Bot Framework JSON: camelCase, nulls omitted on write, case-insensitive on read.</summary>
public static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
