namespace CoachBot.Coaching.Managers;

/// <summary>
/// What the managers' channel guard decided about someone joining a channel. When <see cref="RemoveMember"/> is true the
/// platform removes them if it can (Slack conversations.kick with the scope granted); the alert is already sent.
/// </summary>
public sealed record ChannelGuardVerdict(bool IsManagersChannel, bool RemoveMember)
{
    public static readonly ChannelGuardVerdict NotGuarded = new(false, false);
    public static readonly ChannelGuardVerdict Allowed = new(true, false);
    public static readonly ChannelGuardVerdict Intruder = new(true, true);
}
