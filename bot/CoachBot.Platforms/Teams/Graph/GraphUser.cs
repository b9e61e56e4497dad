namespace CoachBot.Platforms.Teams.Graph;

/// <summary>A directory user as <c>GET /users/{upn}?$select=id,displayName,mail,userPrincipalName</c> returns them.</summary>
public sealed record GraphUser(string Id, string? DisplayName, string? Mail, string? UserPrincipalName);
