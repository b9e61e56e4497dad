namespace CoachBot.Platforms.Teams;

/// <summary>A user seen in a tenant: their bot-specific 29: id opens a 1:1 chat when none is stored.</summary>
public sealed record TeamsMember(string TenantId, string AadObjectId, string UserId, string ServiceUrl, string BotId);
