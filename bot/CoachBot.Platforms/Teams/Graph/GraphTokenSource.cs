using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CoachBot.Platforms.Teams.Graph;

/// <summary>
/// Graph's app-only token through MSAL client credentials: MSAL caches it and refreshes before expiry. Its HTTP goes
/// through a named HttpClient, so the token endpoint is the same one the host's handlers (and tests) see.
/// </summary>
public sealed class GraphTokenSource
{
    public const string HttpClientName = "graph-token";
    private readonly Lazy<IConfidentialClientApplication> _app;

    public GraphTokenSource(IOptions<TeamsOptions> teams, IOptions<TeamsGraphOptions> graph, IHttpClientFactory httpClients)
    {
        _app = new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
            .Create(teams.Value.AppId)
            .WithClientSecret(teams.Value.AppPassword)
            .WithAuthority($"{graph.Value.Authority.TrimEnd('/')}/{teams.Value.TenantId}", validateAuthority: false)
            // Discovery would ask login.microsoftonline.com about the instance; the tenanted authority is enough.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClients(httpClients))
            .Build());
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _app.Value.AcquireTokenForClient([TeamsGraphOptions.Scope])
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // The AADSTS code names the fix (7000215 wrong secret, 700016 wrong tenant); the message holds no secret.
            throw new GraphException(GraphFailure.Token, ex.ErrorCode, $"The Graph token request failed: {ex.ErrorCode}.");
        }
    }

    private sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}
