namespace CoachBot.Coaching.Chat;

/// <summary>Who someone is on a platform: a Slack user in a team, or a Teams user (AAD object id or 29: id) in a tenant.</summary>
public sealed record PersonKey(ChatPlatform Platform, string WorkspaceId, string UserId)
{
    public override string ToString() => $"{Platform}:{WorkspaceId}:{UserId}";
}
