using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>Translations from a Teams activity to CoachBot's neutral inbound types and a stored reference.</summary>
internal static class TeamsInbound
{
    public static string ConversationType(this Activity activity) =>
        activity.Conversation?.ConversationType is { Length: > 0 } type ? type : TeamsConversationReference.Personal;

    public static bool IsPersonal(this Activity activity) => activity.ConversationType() == TeamsConversationReference.Personal;

    /// <summary>A channel thread's conversation id is "&lt;channel&gt;;messageid=&lt;root&gt;": the channel is the conversation, the root the thread.</summary>
    public static ChatAddress Address(this Activity activity)
    {
        var id = activity.Conversation?.Id ?? "";
        var parts = id.Split(";messageid=", 2);
        return new ChatAddress(ChatPlatform.Teams, activity.TenantId() ?? "", parts[0], parts.Length == 2 ? parts[1] : null);
    }

    public static Sender Sender(this Activity activity, ChannelAccount? who = null)
    {
        var from = who ?? activity.From ?? new ChannelAccount();
        return new Sender(
            new PersonKey(ChatPlatform.Teams, activity.TenantId() ?? "", from.AadObjectId ?? from.Id ?? ""),
            from.Name ?? "",
            TimeZone: activity.LocalTimezone,
            Locale: activity.Locale);
    }

    public static TeamsConversationReference Reference(this Activity activity)
    {
        var personal = activity.IsPersonal();
        return new TeamsConversationReference(
            activity.TenantId() ?? "",
            activity.Address().ConversationId,
            activity.ConversationType(),
            activity.ServiceUrl!,
            activity.Recipient?.Id ?? "",
            personal ? activity.From?.Id : null,
            personal ? activity.From?.AadObjectId ?? activity.From?.Id : null,
            TeamsChannelData.From(activity.ChannelData).TeamId);
    }

    public static TeamsMember? Member(this Activity activity) =>
        activity.From is { Id.Length: > 0 } from && from.Id != activity.Recipient?.Id
            ? new TeamsMember(activity.TenantId() ?? "", from.AadObjectId ?? from.Id, from.Id, activity.ServiceUrl!, activity.Recipient?.Id ?? "")
            : null;
}
