using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Teams.Graph;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing.Teams;

/// <summary>Intent-named setup for Teams tests on <see cref="CoachBotApplication"/>.</summary>
public static class TeamsApplication
{
    public const string AppId = "test-app-id";

    /// <summary>Real Bot Framework auth against the local issuer, outbound calls to the fake Connector, fast retries.</summary>
    public static CoachBotApplication WithTeams(this CoachBotApplication app, BotFrameworkIssuer issuer, FakeBotConnector connector) => app
        .WithTeamsOutbound(connector)
        .WithSetting("Teams:OpenIdMetadataUrl", issuer.MetadataUrl);

    /// <summary>Credentials set and every outbound call (token, Connector) going to the fake.</summary>
    public static CoachBotApplication WithTeamsOutbound(this CoachBotApplication app, FakeBotConnector connector) => app
        .WithSetting("Teams:AppId", AppId)
        .WithSetting("Teams:AppPassword", "test-secret")
        .WithSetting("Teams:TenantId", TeamsActivities.Tenant)
        .WithFakeConnector(connector);

    /// <summary>
    /// Graph installs on, against the fake: Graph calls go to its base URL, and MSAL's token request for the real https
    /// authority is delivered to its token endpoint (MSAL accepts only https authorities). Fast retries.
    /// </summary>
    public static CoachBotApplication WithGraph(this CoachBotApplication app, FakeGraph graph) => app
        .WithSetting("Teams:Graph:Enabled", "true")
        .WithSetting("Teams:Graph:TeamsAppId", FakeGraph.CatalogAppId)
        .WithSetting("Teams:Graph:GraphBaseUrl", graph.GraphBaseUrl)
        .WithSetting("Teams:Graph:RetryBaseDelay", "00:00:00.010")
        .WithServices(s => s.AddHttpClient(GraphTokenSource.HttpClientName).AddHttpMessageHandler(() => new ToLoopback(graph.BaseUrl)));

    /// <summary>No AppId and the explicit opt-in: the local no-auth mode the Agents Playground uses (tests run as Development).</summary>
    public static CoachBotApplication WithTeamsLocalMode(this CoachBotApplication app, FakeBotConnector connector) => app
        .WithLocalNoAuth()
        .WithFakeConnector(connector);

    public static CoachBotApplication WithLocalNoAuth(this CoachBotApplication app) => app
        .WithSetting("Teams:AppId", "")
        .WithSetting("Teams:LocalNoAuth", "true");

    public static CoachBotApplication WithInbox(this CoachBotApplication app, ICoachingInbox inbox) =>
        app.WithServices(s => s.AddSingleton(inbox));

    /// <summary>TestServer has no client address; this sets one so loopback rules can be exercised both ways.</summary>
    public static CoachBotApplication WithRemoteAddress(this CoachBotApplication app, IPAddress address) =>
        app.WithServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address)));

    public static HttpClient CreateTeamsClient(this CoachBotApplication app, string? token)
    {
        var client = app.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonObject activity) =>
        client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    private static CoachBotApplication WithFakeConnector(this CoachBotApplication app, FakeBotConnector connector) => app
        .WithSetting("Teams:TokenEndpoint", connector.BaseUrl.AbsoluteUri)
        .WithSetting("Teams:RetryBaseDelay", "00:00:00.010")
        .WithSetting("Teams:RetryMaxDelay", "00:00:00.050")
        .WithSetting("Teams:MessagesPerSecondPerConversation", "1000")
        .WithSetting("Teams:RequestsPerSecondPerTenant", "1000");

    private sealed class ToLoopback(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware();
            });
            next(builder);
        };
    }
}
