namespace CoachBot.Platforms.Teams;

/// <summary>Where a Connector call goes: the stored service URL, the tenant (for pacing) and the conversation.</summary>
public sealed record ConnectorTarget(string ServiceUrl, string TenantId, string ConversationId)
{
    public static ConnectorTarget Of(TeamsConversationReference reference) =>
        new(reference.ServiceUrl, reference.TenantId, reference.ConversationId);
}
