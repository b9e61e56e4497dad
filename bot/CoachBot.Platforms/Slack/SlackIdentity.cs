namespace CoachBot.Platforms.Slack;

/// <summary>Who the bot is in a workspace, from <c>auth.test</c>: its own messages are recognised by these ids.</summary>
public sealed record SlackIdentity(string TeamId, string UserId, string BotId);
