using System.Text.Json;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// What a card button carried: the neutral action id and value CoachBot put in its <c>data</c>, read from an
/// Action.Submit message's <c>value</c> or an <c>adaptiveCard/action</c> invoke's <c>value.action.data</c>.
/// </summary>
public sealed record CardSubmit(string ActionId, string Value, string? InputText)
{
    public const string ActionIdKey = "actionId";
    public const string ValueKey = "value";
    public const string InputKey = "input";

    public static CardSubmit? FromMessage(Activity activity) => FromData(activity.Value);

    public static CardSubmit? FromInvoke(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (action.TryGetProperty("data", out var data) && FromData(data) is { } submit)
        {
            return submit;
        }

        // A card built elsewhere may only carry a verb; treat it as the action id.
        return action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String && verb.GetString() is { Length: > 0 } v
            && ActivityReader.IsUsableId(v, MaxActionIdBytes)
            ? new CardSubmit(v, "", null)
            : null;
    }

    private static CardSubmit? FromData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d || StringOf(d, ActionIdKey) is not { Length: > 0 } actionId)
        {
            return null;
        }

        // CoachBot's own action ids and values are short keys; anything else did not come from a CoachBot card.
        var value = StringOf(d, ValueKey) ?? "";
        return ActivityReader.IsUsableId(actionId, MaxActionIdBytes) && ActivityReader.IsUsableId(value)
            ? new CardSubmit(actionId, value, StringOf(d, InputKey) is { } input ? ActivityReader.CleanText(input) : null)
            : null;
    }

    private const int MaxActionIdBytes = 128;

    private static string? StringOf(JsonElement data, string name) =>
        data.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
