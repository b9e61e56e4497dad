using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// The Connector's rates and their keys in the shared gate, the one place they are spelled: every call per tenant
/// (Teams:RequestsPerSecondPerTenant) and posts per conversation thread (Teams:MessagesPerSecondPerConversation),
/// teams-platform.md §11.
/// </summary>
public static class TeamsRates
{
    public static RateLimit Tenant(TeamsOptions options, string tenantId) => new($"teams:{tenantId}", options.RequestsPerSecondPerTenant);

    /// <summary>A channel thread ("19:…;messageid=…") shares its channel's budget.</summary>
    public static RateLimit Conversation(TeamsOptions options, string conversationId) =>
        new($"teams:conversation:{ThreadRoot(conversationId)}", options.MessagesPerSecondPerConversation);

    public static string ThreadRoot(string conversationId) =>
        conversationId.IndexOf(';') is var i and > 0 ? conversationId[..i] : conversationId;
}
