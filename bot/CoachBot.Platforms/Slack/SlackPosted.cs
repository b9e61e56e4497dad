namespace CoachBot.Platforms.Slack;

/// <summary>A message Slack accepted: <see cref="Channel"/> is the real conversation id (a D… id when posted to a user id).</summary>
public sealed record SlackPosted(string Channel, string Ts);
