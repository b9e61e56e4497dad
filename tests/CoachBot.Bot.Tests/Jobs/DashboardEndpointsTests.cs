using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoachBot.Testing;

namespace CoachBot.Bot.Tests.Jobs;

public sealed class DashboardEndpointsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string ViewerKey = "viewer-key-0123456789abcdef";

    private CoachBotApplication App() => new CoachBotApplication(database)
        .WithSetting("Jobs:DashboardAdminKey", AdminKey)
        .WithSetting("Jobs:DashboardViewerKey", ViewerKey);

    private static HttpRequestMessage Get(string path, AuthenticationHeaderValue? auth = null) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = auth } };

    private static AuthenticationHeaderValue Basic(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{password}")));

    [Fact]
    public async Task WithoutCredentialsTheDashboardAsksForThemEvenFromLocalhost()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Get("/hangfire"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("Bearer", "admin-key-0123456789abcdeX")]
    [InlineData("Bearer", "admin")]
    [InlineData("Token", AdminKey)]
    public async Task AWrongKeyOrSchemeIsRefused(string scheme, string key)
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Get("/hangfire", new AuthenticationHeaderValue(scheme, key)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheAdminKeyOpensTheDashboardAsBearerOrBasic()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var bearer = await client.SendAsync(Get("/hangfire", new AuthenticationHeaderValue("Bearer", AdminKey)));
        var basic = await client.SendAsync(Get("/hangfire", Basic(AdminKey)));

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
    }

    [Fact]
    public async Task AdminsCanTriggerRecurringJobsAndViewersOnlySeeThem()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var admin = await (await client.SendAsync(Get("/hangfire/recurring", Basic(AdminKey)))).Content.ReadAsStringAsync();
        var viewerResponse = await client.SendAsync(Get("/hangfire/recurring", Basic(ViewerKey)));
        var viewer = await viewerResponse.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, viewerResponse.StatusCode);
        Assert.Contains("dispatch-nudges", viewer);
        Assert.Contains("js-jobs-list-command", admin);
        Assert.DoesNotContain("js-jobs-list-command", viewer);
    }

    [Fact]
    public async Task ViewersCannotRunCommands()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Headers = { Authorization = Basic(ViewerKey) },
            Content = new FormUrlEncodedContent([new("jobs[]", "dispatch-nudges")]),
        });

        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AJobIdTooLargeForAnyJobIsNotFoundNotAServerError()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Get("/hangfire/jobs/details/" + new string('9', 40), Basic(ViewerKey)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such job.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OddInputWithoutTheKeyIsStillRefusedWith401BeforeAnyCheck()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Post("/hangfire/jobs/failed/requeue", new StringContent("{}", Encoding.UTF8, "application/json"), auth: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("jobs%5B%5D=bogus", "Job ids are whole numbers.")]
    [InlineData("jobs%5B%5D=%00", "This form could not be read: it has a NUL, or too many or too long fields.")]
    [InlineData("jobs%5B%5D=%C3%28", "Job ids are whole numbers.")]
    public async Task ABatchCommandWithAnUnreadableFormOrJobIdsThatAreNotJobIdsIsABadRequest(string form, string message)
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Post("/hangfire/jobs/failed/requeue", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APostThatIsNotAFormIsRefusedWith415()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Post("/hangfire/stats", new StringContent("{}", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("The dashboard takes application/x-www-form-urlencoded forms only.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOversizedFormIsRefusedWith413()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Post("/hangfire/stats", new StringContent("metrics%5B%5D=" + new string('m', 100_000), Encoding.ASCII, "application/x-www-form-urlencoded")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AdminsStillGetStatsFromAWellFormedForm()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var response = await client.SendAsync(Post("/hangfire/stats", new FormUrlEncodedContent([new("metrics[]", "succeeded:count")])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("succeeded:count", await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Post(string path, HttpContent content, string? auth = AdminKey) =>
        new(HttpMethod.Post, path) { Content = content, Headers = { Authorization = auth is null ? null : Basic(auth) } };

    [Fact]
    public async Task WithoutAnAdminKeyThereIsNoDashboard()
    {
        await using var app = new CoachBotApplication(database);
        using var client = app.CreateClient();

        var response = await client.SendAsync(Get("/hangfire", new AuthenticationHeaderValue("Bearer", AdminKey)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

}
