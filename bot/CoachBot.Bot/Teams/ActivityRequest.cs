using CoachBot.Platforms.Teams;

namespace CoachBot.Bot.Teams;

/// <summary>The parsed activity of the current request, set by <see cref="ActivityBodyFilter"/> for the later filters and the handler.</summary>
internal static class ActivityRequest
{
    private const string Key = "teams.activity";

    public static Activity GetActivity(this HttpContext context) => (Activity)context.Items[Key]!;

    public static void SetActivity(this HttpContext context, Activity activity) => context.Items[Key] = activity;

    public static string? TenantId(this Activity activity) =>
        activity.Conversation?.TenantId ?? TeamsChannelData.From(activity.ChannelData).TenantId;
}
