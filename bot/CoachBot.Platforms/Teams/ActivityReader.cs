using System.Text;
using System.Text.Json;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// The one place an inbound activity body is judged, before anything is stored. Refused (the caller answers 400):
/// JSON that is not an activity, any string that is not valid Unicode (invalid UTF-8, a lone surrogate; read lazily,
/// these would throw wherever the field is first used), an id used as a key that holds a control character (PostgreSQL
/// cannot store NUL) or is too long to index, and an unknown conversation type. Free text (message text, names, card
/// inputs) is cleaned instead: it is the person's words, and odd content in them must never be an error.
/// </summary>
public static class ActivityReader
{
    /// <summary>Real ids are well under 200 characters; two of them form a dedupe key, far below PostgreSQL's index row limit.</summary>
    public const int MaxIdBytes = 512;

    public const int MaxServiceUrlLength = 2048;
    public const int MaxNameLength = 256;

    private static readonly string[] ConversationTypes =
        [TeamsConversationReference.Personal, TeamsConversationReference.Channel, TeamsConversationReference.GroupChat];

    public static Activity? Read(ReadOnlyMemory<byte> body, out string problem)
    {
        Activity? activity;
        try
        {
            using (var document = JsonDocument.Parse(body))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problem = "not a JSON object";
                    return null;
                }

                if (!AllTextIsUnicode(document.RootElement))
                {
                    problem = "text that is not valid Unicode";
                    return null;
                }
            }

            activity = JsonSerializer.Deserialize<Activity>(body.Span, TeamsJson.Options);
        }
        catch (JsonException)
        {
            problem = "not an activity";
            return null;
        }

        if (activity is not { Type.Length: > 0 })
        {
            problem = "no type";
            return null;
        }

        if (Problem(activity) is { } found)
        {
            problem = found;
            return null;
        }

        problem = "";
        return Cleaned(activity);
    }

    /// <summary>Person-written or platform-supplied text: control characters (NUL first of all) removed, tabs and new lines kept.</summary>
    public static string CleanText(string text)
    {
        if (!text.Any(IsControlToDrop))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !IsControlToDrop(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="id"/> may be used as a key: no control characters, at most <see cref="MaxIdBytes"/> bytes.</summary>
    public static bool IsUsableId(string? id, int maxBytes = MaxIdBytes) =>
        id is null || (!id.Any(char.IsControl) && Encoding.UTF8.GetByteCount(id) <= maxBytes);

    private static string? Problem(Activity a)
    {
        var channelData = TeamsChannelData.From(a.ChannelData);
        (string Field, string? Value)[] ids =
        [
            ("type", a.Type), ("id", a.Id), ("channelId", a.ChannelId), ("replyToId", a.ReplyToId), ("name", a.Name), ("action", a.Action),
            ("locale", a.Locale), ("localTimezone", a.LocalTimezone),
            ("from.id", a.From?.Id), ("from.aadObjectId", a.From?.AadObjectId),
            ("recipient.id", a.Recipient?.Id), ("recipient.aadObjectId", a.Recipient?.AadObjectId),
            ("conversation.id", a.Conversation?.Id), ("conversation.tenantId", a.Conversation?.TenantId),
            ("channelData.tenant.id", channelData.TenantId), ("channelData.team.id", channelData.TeamId), ("channelData.channel.id", channelData.ChannelId),
            .. Members("membersAdded", a.MembersAdded), .. Members("membersRemoved", a.MembersRemoved),
        ];
        if (ids.FirstOrDefault(f => !IsUsableId(f.Value)) is { Field: { } field })
        {
            return $"{field} is not a usable id";
        }

        if (!IsUsableId(a.ServiceUrl, MaxServiceUrlLength))
        {
            return "serviceUrl is not a usable URL";
        }

        return a.Conversation?.ConversationType is { Length: > 0 } type && !ConversationTypes.Contains(type, StringComparer.Ordinal)
            ? "conversation.conversationType is not personal, groupChat or channel"
            : null;
    }

    private static IEnumerable<(string, string?)> Members(string list, List<ChannelAccount>? members) =>
        (members ?? []).SelectMany(m => new (string, string?)[] { ($"{list}[].id", m.Id), ($"{list}[].aadObjectId", m.AadObjectId) });

    private static Activity Cleaned(Activity a) => a with
    {
        Text = a.Text is null ? null : CleanText(a.Text),
        From = CleanedName(a.From),
        Recipient = CleanedName(a.Recipient),
        MembersAdded = a.MembersAdded?.Select(m => CleanedName(m)!).ToList(),
        MembersRemoved = a.MembersRemoved?.Select(m => CleanedName(m)!).ToList(),
    };

    private static ChannelAccount? CleanedName(ChannelAccount? account) =>
        account?.Name is { } name ? account with { Name = Bounded(CleanText(name).Trim(), MaxNameLength) } : account;

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];

    private static bool IsControlToDrop(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    // Property names and string values are transcoded lazily; doing it once here means no later read can throw.
    private static bool AllTextIsUnicode(JsonElement element)
    {
        try
        {
            return Walk(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static bool Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        _ = property.Name;
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.String:
                    _ = e.GetString();
                    break;
            }

            return true;
        }
    }
}
