namespace CoachBot.Platforms.Slack;

/// <summary>What <c>oauth.v2.access</c> grants for one workspace. ToString leaves the token out, so it never reaches a log.</summary>
public sealed record SlackInstall(
    string TeamId, string TeamName, string? EnterpriseId, string BotUserId, string? BotId, string? AppId, string Scopes, string AccessToken, string? InstalledBy)
{
    public override string ToString() => $"SlackInstall {{ TeamId = {TeamId}, BotUserId = {BotUserId}, Scopes = {Scopes} }}";
}
