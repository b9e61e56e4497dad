using System.Diagnostics;
using System.Text.Json.Nodes;
using CoachBot.Platforms.Teams;
using CoachBot.Platforms.Teams.Graph;
using CoachBot.Testing;
using CoachBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Teams;

// The real Graph registration (MSAL token, typed client) against a loopback Graph and token endpoint in their wire shapes.
public sealed class TeamsAppInstallerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string User = $"aad-{Guid.NewGuid():N}";
    private FakeBotConnector _connector = null!;
    private FakeGraph _graph = null!;
    private CoachBotApplication _app = null!;

    private TeamsAppInstaller Installer => _app.Services.GetRequiredService<TeamsAppInstaller>();

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _graph = await FakeGraph.StartAsync();
        _app = new CoachBotApplication(database).WithTeamsOutbound(_connector).WithGraph(_graph);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _graph.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ANewInstallBindsTheCatalogAppAndStoresTheChatGraphOpened()
    {
        _graph.AddUser(User);

        var created = await Installer.InstallAsync(User, _connector.ServiceUrl, default);

        Assert.True(created);
        var body = JsonNode.Parse(Assert.Single(_graph.InstallBodies))!;
        Assert.Equal($"{_graph.GraphBaseUrl}appCatalogs/teamsApps/{FakeGraph.CatalogAppId}", body["teamsApp@odata.bind"]!.GetValue<string>());
        Assert.Equal($"client_credentials {TeamsApplication.AppId} https://graph.microsoft.com/.default", Assert.Single(_graph.TokenRequests));
        Assert.All(_graph.Calls, c => Assert.EndsWith("Bearer graph-token-1", c, StringComparison.Ordinal));
        var reference = await References.FindPersonalAsync(TeamsActivities.Tenant, User, default);
        Assert.Equal((FakeGraph.ChatId(User), _connector.ServiceUrl, TeamsActivities.BotId), (reference!.ConversationId, reference.ServiceUrl, reference.BotId));
    }

    [Fact]
    public async Task AnInstallThatAlreadyExistsAnswers409AndStillYieldsItsChat()
    {
        _graph.AddUser(User, alreadyInstalled: true);

        var created = await Installer.InstallAsync(User, _connector.ServiceUrl, default);

        Assert.False(created);
        Assert.Contains(_graph.Calls, c => c.StartsWith($"GET /v1.0/users/{User}/teamwork/installedApps?$expand=teamsApp&$filter=", StringComparison.Ordinal));
        Assert.Equal(FakeGraph.ChatId(User), (await References.FindPersonalAsync(TeamsActivities.Tenant, User, default))!.ConversationId);
    }

    [Fact]
    public async Task AUserGraphDoesNotKnowIsUserNotFound()
    {
        var failure = await Assert.ThrowsAsync<GraphException>(() => Installer.InstallAsync("aad-nobody", _connector.ServiceUrl, default));

        Assert.Equal((GraphFailure.UserNotFound, "NotFound"), (failure.Failure, failure.Code));
        Assert.Null(await References.FindPersonalAsync(TeamsActivities.Tenant, "aad-nobody", default));
    }

    [Fact]
    public async Task ThrottlingWaitsForRetryAfterThenInstalls()
    {
        _graph.AddUser(User);
        _graph.FailNext(429, "TooManyRequests", "Too many requests.", retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        Assert.True(await Installer.InstallAsync(User, _connector.ServiceUrl, default));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
        Assert.Equal(2, _graph.Calls.Count(c => c.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheAttemptsIsThrottled()
    {
        _graph.AddUser(User);
        _graph.FailNext(503, "ServiceUnavailable", "Service unavailable.", retryAfterSeconds: 0, times: 4);

        var failure = await Assert.ThrowsAsync<GraphException>(() => Installer.InstallAsync(User, _connector.ServiceUrl, default));

        Assert.Equal(GraphFailure.Throttled, failure.Failure);
        Assert.Equal(4, _graph.Calls.Count);
    }

    [Fact]
    public async Task AnExpiredTokenGetsOneFreshTokenAndTheCallIsRetriedOnce()
    {
        _graph.AddUser(User);
        await Installer.InstallAsync(User, _connector.ServiceUrl, default);
        _graph.ExpireTokens();

        Assert.False(await Installer.InstallAsync(User, _connector.ServiceUrl, default));

        Assert.Equal(2, _graph.TokenRequests.Count);
        Assert.Contains(_graph.Calls, c => c.StartsWith("POST", StringComparison.Ordinal) && c.EndsWith("graph-token-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATokenGraphKeepsRefusingFailsAfterOneRefresh()
    {
        _graph.AddUser(User);
        _graph.FailNext(401, "InvalidAuthenticationToken", "Access token validation failure.", times: 2);

        var failure = await Assert.ThrowsAsync<GraphException>(() => Installer.InstallAsync(User, _connector.ServiceUrl, default));

        Assert.Equal((GraphFailure.Token, "InvalidAuthenticationToken"), (failure.Failure, failure.Code));
        Assert.Equal(2, _graph.Calls.Count);
        Assert.Equal(2, _graph.TokenRequests.Count);
    }

    [Fact]
    public async Task AMissingApplicationPermissionIsPermissionMissing()
    {
        _graph.AddUser(User);
        _graph.FailNext(403, "Forbidden",
            "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All, TeamsAppInstallation.ReadWriteForUser.All'. Roles on the request ''.");

        var failure = await Assert.ThrowsAsync<GraphException>(() => Installer.InstallAsync(User, _connector.ServiceUrl, default));

        Assert.Equal(GraphFailure.PermissionMissing, failure.Failure);
        Assert.Single(_graph.Calls);
    }

    [Fact]
    public async Task AnAppBlockedByTeamsPolicyIsBlockedByPolicy()
    {
        _graph.AddUser(User);
        _graph.FailNext(403, "Forbidden", "The app is blocked by the app permission policy for this user.");

        var failure = await Assert.ThrowsAsync<GraphException>(() => Installer.InstallAsync(User, _connector.ServiceUrl, default));

        Assert.Equal(GraphFailure.BlockedByPolicy, failure.Failure);
    }

    [Fact]
    public async Task AUserIsFoundByTheirSignInNameWithTheirObjectIdAndName()
    {
        _graph.AddUser(User, userPrincipalName: "Nia.New@Example.com", displayName: "Nia New");

        var user = await Graph.GetUserAsync("nia.new@example.com", default);

        Assert.Equal(new GraphUser(User, "Nia New", "Nia.New@Example.com", "Nia.New@Example.com"), user);
        Assert.StartsWith("GET /v1.0/users/nia.new@example.com?$select=id,displayName,mail,userPrincipalName ", Assert.Single(_graph.Calls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmailNotInTheTenantIsUserNotFoundWithGraphsCode()
    {
        var failure = await Assert.ThrowsAsync<GraphException>(() => Graph.GetUserAsync("nobody@example.com", default));

        Assert.Equal((GraphFailure.UserNotFound, "Request_ResourceNotFound"), (failure.Failure, failure.Code));
    }

    [Fact]
    public async Task LookingAUserUpWithoutUserReadAllIsPermissionMissing()
    {
        _graph.AddUser(User, userPrincipalName: "nia@example.com");
        _graph.FailNext(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

        var failure = await Assert.ThrowsAsync<GraphException>(() => Graph.GetUserAsync("nia@example.com", default));

        Assert.Equal((GraphFailure.PermissionMissing, "Authorization_RequestDenied"), (failure.Failure, failure.Code));
    }

    private GraphClient Graph => _app.Services.GetRequiredService<GraphClient>();

    private ConversationReferenceStore References => _app.Services.GetRequiredService<ConversationReferenceStore>();
}
