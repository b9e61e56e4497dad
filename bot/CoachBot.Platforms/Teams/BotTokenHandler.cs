using System.Net.Http.Headers;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Adds the bot token to Connector calls, after checking the target is under a trusted service URL: a forged
/// activity must never make CoachBot hand its token to someone else's server.
/// </summary>
public sealed class BotTokenHandler(BotTokenClient tokens, ServiceUrlTrust trust) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> ServiceUrl = new("teams.serviceUrl");
    public static readonly HttpRequestOptionsKey<bool> ForceRefresh = new("teams.forceRefresh");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ServiceUrl, out var serviceUrl)
            || request.RequestUri is null
            || !await trust.IsTrustedAsync(request.RequestUri, serviceUrl, cancellationToken))
        {
            throw new UntrustedServiceUrlException(request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "(none)");
        }

        request.Options.TryGetValue(ForceRefresh, out var forceRefresh);
        if (await tokens.GetTokenAsync(forceRefresh, cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
