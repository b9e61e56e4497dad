using CoachBot.LocalWorkspace.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.WebConsole;

/// <summary>The local workspace's OpenID Connect issuer on its own loopback port, in Slack's or Entra's dialect.</summary>
public sealed class LocalIssuerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalIssuerHost(WebApplication app, OidcIssuer issuer)
    {
        _app = app;
        Issuer = issuer;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public OidcIssuer Issuer { get; }
    public Uri BaseUrl { get; }
    public string ClientId => Issuer.ClientId;
    public string ClientSecret { get; private init; } = "";

    /// <summary>The Authority CoachBot's console is configured with (Entra's includes the tenant and v2.0).</summary>
    public string Authority => BaseUrl.ToString().TrimEnd('/') + Issuer.Dialect.IssuerPath;

    public static Task<LocalIssuerHost> StartSlackAsync(string teamId, params IssuerPerson[] people) => StartAsync(OidcDialect.Slack(teamId), people);

    public static Task<LocalIssuerHost> StartEntraAsync(string tenantId, params IssuerPerson[] people) => StartAsync(OidcDialect.Entra(tenantId), people);

    private static async Task<LocalIssuerHost> StartAsync(OidcDialect dialect, IssuerPerson[] people)
    {
        var secret = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var issuer = new OidcIssuer(dialect, $"client-{Guid.NewGuid():N}"[..15], secret, people, "Test team");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapOidcIssuer(issuer);
        await app.StartAsync();
        return new LocalIssuerHost(app, issuer) { ClientSecret = secret };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
