using System.Text.Json;

namespace CoachBot.Platforms.Teams;

/// <summary>A conversation member as the Connector describes them: activities carry no email, this does.</summary>
public sealed record TeamsMemberProfile(string? Id, string? Name, string? AadObjectId, string? Email, string? UserPrincipalName)
{
    /// <summary>The member's email; a work account's user principal name is its sign-in address.</summary>
    public string? Address => Email is { Length: > 0 } email ? email : UserPrincipalName is { } upn && upn.Contains('@') ? upn : null;
}

public sealed partial class ConnectorClient
{
    /// <summary>GET v3/conversations/{conversation}/members/{member}: one member's name and email.</summary>
    public async Task<TeamsMemberProfile?> GetMemberAsync(string serviceUrl, string tenantId, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(ServiceUrlTrust.Normalize(serviceUrl)), $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}");
        // An empty conversation id in the target: a read is paced per tenant, not as a message in the conversation.
        var target = new ConnectorTarget(serviceUrl, tenantId, "");
        using var response = await policy.SendAsync(target, forceRefresh =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Options.Set(BotTokenHandler.ServiceUrl, serviceUrl);
            request.Options.Set(BotTokenHandler.ForceRefresh, forceRefresh);
            return request;
        }, http, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<TeamsMemberProfile>(text, TeamsJson.Options);
    }
}
