using System.Security.Cryptography;
using CoachBot.Coaching.Crm;
using CoachBot.Testing.Crm;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Platforms.Tests.Crm.Salesforce;

// The connector against a loopback Salesforce that checks the JWT, speaks SOQL batches and counts API usage.
public sealed class SalesforceConnectorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private FakeSalesforce _org = null!;

    private static CrmConnection Connection => SalesforceConnection.Connection;

    public async Task InitializeAsync() => _org = await FakeSalesforce.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task JwtBearerSignsInWithAVerifiedAssertionAndReadsOnlyActiveUsers()
    {
        _org.AddUser("005A", "Sam@Acme.example", "Sam Rep");
        _org.AddUser("005B", "gone@acme.example", "Gone Rep", active: false);
        await using var sf = SalesforceConnection.Create(_org);

        var owners = await sf.Connector.OwnersAsync(Connection, default);

        Assert.Equal([new CrmOwner("005A", "Sam@Acme.example", "Sam Rep")], owners);
        Assert.Equal(["urn:ietf:params:oauth:grant-type:jwt-bearer"], _org.TokenRequests);
        Assert.Equal(["GET /services/data/v61.0/query?q=SELECT Id, Email, Name FROM User WHERE IsActive = true"], _org.Calls);
    }

    [Fact]
    public async Task ClientCredentialsSignInAtTheOrgsMyDomain()
    {
        _org.AddUser("005A", "sam@acme.example", "Sam Rep");
        await using var sf = SalesforceConnection.Create(_org, jwtBearer: false);

        Assert.Single(await sf.Connector.OwnersAsync(Connection, default));
        Assert.Equal(["client_credentials"], _org.TokenRequests);
    }

    [Fact]
    public async Task AKeyThatDoesNotMatchTheCertificateIsUnauthorizedAndNamesTheFix()
    {
        using var other = RSA.Create(2048);
        await using var sf = SalesforceConnection.Create(_org, settings: new Dictionary<string, string?> { ["Crm:Salesforce:PrivateKeyPem"] = other.ExportPkcs8PrivateKeyPem() });

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.OwnersAsync(Connection, default));

        Assert.Equal(CrmFailure.Unauthorized, failure.Failure);
        Assert.Equal("Salesforce refused CoachBot's sign-in (invalid_grant: invalid assertion). Check Crm:Salesforce:Username, the certificate uploaded to the "
            + "connected app (it must match PrivateKeyPem) and Crm:Salesforce:LoginUrl.", failure.Message);
        Assert.Empty(_org.Calls);
    }

    [Fact]
    public async Task AWrongClientSecretIsUnauthorizedAndNeverRepeatsTheSecret()
    {
        await using var sf = SalesforceConnection.Create(_org, jwtBearer: false, settings: new Dictionary<string, string?> { ["Crm:Salesforce:ClientSecret"] = "not-it" });

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.OwnersAsync(Connection, default));

        Assert.Equal((CrmFailure.Unauthorized, "Salesforce refused CoachBot's sign-in (invalid_client: invalid client credentials). Check Crm:Salesforce:ClientSecret (the connected app's consumer secret)."),
            (failure.Failure, failure.Message));
        Assert.DoesNotContain("not-it", failure.Message);
    }

    [Fact]
    public async Task DealsComeInBatchesOf2000FollowingNextRecordsUrl()
    {
        for (var i = 0; i < 4500; i++)
        {
            _org.AddOpportunity($"006{i:D6}", $"Deal {i}", "005A", 1000 + i, "Prospecting", new DateOnly(2026, 4, 30), Monday.AddSeconds(i));
        }

        await using var sf = SalesforceConnection.Create(_org);
        var pages = new List<CrmPage<CrmDeal>>();
        var cursor = new CrmCursor(null, null);
        do
        {
            pages.Add(await sf.Connector.DealsAsync(Connection, cursor, default));
            cursor = cursor with { Page = pages[^1].Next };
        }
        while (cursor.Page is not null);

        Assert.Equal([2000, 2000, 500], pages.Select(p => p.Items.Count));
        Assert.All(pages.SkipLast(1), p => Assert.StartsWith("/services/data/v61.0/query/01g", p.Next));
        Assert.Equal(4500, pages.SelectMany(p => p.Items).Select(d => d.Id).Distinct().Count());
        Assert.Equal("SELECT Id, Name, OwnerId, Amount, CurrencyIsoCode, StageName, IsClosed, IsWon, CloseDate, CreatedDate, LastStageChangeDate, "
            + "LastActivityDate, LastModifiedDate FROM Opportunity ORDER BY LastModifiedDate", _org.Calls.First()[(_org.Calls.First().IndexOf("q=") + 2)..]);
    }

    [Fact]
    public async Task OpportunitiesMapToOpenWonAndLostDealsWithTheirDates()
    {
        _org.MultiCurrency = true;
        var changed = new DateTimeOffset(2026, 2, 20, 14, 30, 0, TimeSpan.Zero);
        _org.AddOpportunity("006OPEN", "Acme renewal", "005A", 12500.50m, "Proposal", new DateOnly(2026, 3, 31), Monday, stageChanged: changed,
            lastActivity: new DateOnly(2026, 2, 27), created: Monday.AddDays(-40), currency: "GBP");
        _org.AddOpportunity("006WON", "Globex", "005A", 9000, "Closed Won", new DateOnly(2026, 2, 28), Monday.AddMinutes(1), closed: true, won: true);
        _org.AddOpportunity("006LOST", "Initech", "005B", null, "Closed Lost", new DateOnly(2026, 2, 25), Monday.AddMinutes(2), closed: true);
        await using var sf = SalesforceConnection.Create(_org);

        var deals = (await sf.Connector.DealsAsync(Connection, new CrmCursor(null, null), default)).Items;

        Assert.Equal(new CrmDeal("006OPEN", "Acme renewal", "005A", 12500.50m, "GBP", "Proposal", CrmDealStatus.Open, new DateOnly(2026, 3, 31),
            Monday.AddDays(-40), changed, null, new DateTimeOffset(2026, 2, 27, 0, 0, 0, TimeSpan.Zero), Monday), deals[0]);
        Assert.Equal((CrmDealStatus.Won, new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero)), (deals[1].Status, deals[1].ClosedAt));
        Assert.Equal((CrmDealStatus.Lost, (decimal?)null, (DateTimeOffset?)null), (deals[2].Status, deals[2].Amount, deals[2].StageChangedAt));
    }

    [Fact]
    public async Task AnIncrementalReadFiltersOnLastModifiedDateWithAnUnquotedUtcLiteral()
    {
        _org.AddOpportunity("006OLD", "Old", "005A", 1, "Prospecting", new DateOnly(2026, 4, 1), Monday.AddDays(-1));
        _org.AddOpportunity("006NEW", "New", "005A", 1, "Prospecting", new DateOnly(2026, 4, 1), Monday.AddHours(1));
        await using var sf = SalesforceConnection.Create(_org);

        var page = await sf.Connector.DealsAsync(Connection, new CrmCursor(Monday.AddMilliseconds(750), null), default);

        Assert.Equal(["006NEW"], page.Items.Select(d => d.Id));
        Assert.Null(page.Next);
        Assert.Contains("FROM Opportunity WHERE LastModifiedDate >= 2026-03-02T09:00:00Z ORDER BY LastModifiedDate", _org.Calls.Last());
    }

    [Fact]
    public async Task ASingleCurrencyOrgIsAskedForCurrencyIsoCodeOnceAndThenNever()
    {
        _org.AddOpportunity("006A", "Acme", "005A", 100, "Prospecting", new DateOnly(2026, 4, 1), Monday);
        await using var sf = SalesforceConnection.Create(_org);

        var first = await sf.Connector.DealsAsync(Connection, new CrmCursor(null, null), default);
        var second = await sf.Connector.DealsAsync(Connection, new CrmCursor(null, null), default);

        Assert.Equal((1, 1), (first.Items.Count, second.Items.Count));
        Assert.Null(first.Items[0].Currency);
        Assert.Equal([true, false, false], _org.Calls.Select(c => c.Contains("CurrencyIsoCode", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnExpiredSessionGetsOneNewTokenAndTheSameQueryAgain()
    {
        _org.AddUser("005A", "sam@acme.example", "Sam Rep");
        await using var sf = SalesforceConnection.Create(_org);
        await sf.Connector.OwnersAsync(Connection, default);
        _org.ExpireSessions();

        var owners = await sf.Connector.OwnersAsync(Connection, default);

        Assert.Single(owners);
        Assert.Equal(2, _org.TokenRequests.Count);
        Assert.Equal(3, _org.Calls.Count);
        Assert.DoesNotContain(sf.Logs.Lines, l => l.Contains("session-", StringComparison.Ordinal) || l.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASessionRefusedEvenAfterANewTokenIsUnauthorized()
    {
        await using var sf = SalesforceConnection.Create(_org);
        _org.FailNext(401, "INVALID_SESSION_ID", "Session expired or invalid", times: 3);

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.OwnersAsync(Connection, default));

        Assert.Equal(CrmFailure.Unauthorized, failure.Failure);
        Assert.Equal(2, _org.TokenRequests.Count);
        Assert.Equal(2, _org.Calls.Count);
    }

    [Fact]
    public async Task UsagePastTheShareReturnsThatBatchThenStopsUntilTheNextUtcDayWithoutCallingAgain()
    {
        var clock = new FakeTimeProvider(Monday);
        _org.Clock = clock;
        _org.DailyAllowance = 100;
        _org.SetUsage(79);
        _org.AddUser("005A", "sam@acme.example", "Sam Rep");
        await using var sf = SalesforceConnection.Create(_org, clock: clock);

        var owners = await sf.Connector.OwnersAsync(Connection, default);
        var stop = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.DealsAsync(Connection, new CrmCursor(null, null), default));

        Assert.Single(owners);
        Assert.Equal((CrmFailure.LimitReached, TimeSpan.FromHours(15)), (stop.Failure, stop.RetryAfter));
        Assert.Equal("CoachBot has used 80% of the org's daily Salesforce API allowance and stops until the next UTC day, so the org's other integrations keep theirs.",
            stop.Message.Replace(" %", "%", StringComparison.Ordinal));
        Assert.Single(_org.Calls);
        Assert.Equal(80, _org.Used);
    }

    [Fact]
    public async Task RequestLimitExceededIsLimitReached()
    {
        _org.DailyAllowance = 5;
        _org.SetUsage(5);
        await using var sf = SalesforceConnection.Create(_org, settings: new Dictionary<string, string?> { ["Crm:Salesforce:MaxApiUsageShare"] = "1" });

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.OwnersAsync(Connection, default));

        Assert.Equal(CrmFailure.LimitReached, failure.Failure);
        Assert.Contains("REQUEST_LIMIT_EXCEEDED", failure.Message);
        Assert.True(failure.RetryAfter >= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task ActivitiesReadTasksThenEventsAsCallsEmailsTasksAndMeetings()
    {
        _org.AddTask("00TCALL", "Call", "005A", "006ACME", new DateOnly(2026, 2, 26), Monday);
        _org.AddTask("00TMAIL", "Email", "005A", "001ACCOUNT", null, Monday.AddMinutes(1));
        _org.AddTask("00TTODO", "Task", "005B", null, new DateOnly(2026, 3, 3), Monday.AddMinutes(2));
        _org.AddEvent("00UMEET", "005A", "006ACME", new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero), Monday.AddMinutes(3));
        await using var sf = SalesforceConnection.Create(_org);

        var tasks = await sf.Connector.ActivitiesAsync(Connection, new CrmCursor(null, null), default);
        var events = await sf.Connector.ActivitiesAsync(Connection, new CrmCursor(null, tasks.Next), default);

        Assert.Equal([(CrmActivityKind.Call, "006ACME"), (CrmActivityKind.Email, null), (CrmActivityKind.Task, null)], tasks.Items.Select(a => (a.Kind, a.DealId)));
        Assert.Equal(new DateTimeOffset(2026, 2, 26, 0, 0, 0, TimeSpan.Zero), tasks.Items[0].OccurredAt);
        Assert.Equal(Monday.AddMinutes(1), tasks.Items[1].OccurredAt);
        Assert.Equal("event:", tasks.Next);
        Assert.Equal([new CrmActivity("00UMEET", CrmActivityKind.Meeting, "005A", "006ACME", new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero), Monday.AddMinutes(3))],
            events.Items);
        Assert.Null(events.Next);
    }

    [Fact]
    public async Task AnObjectTheRunAsUserCannotReadIsPermissionMissingInWords()
    {
        _org.DenyObject("Event");
        await using var sf = SalesforceConnection.Create(_org);

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.ActivitiesAsync(Connection, new CrmCursor(null, "event:"), default));

        Assert.Equal(CrmFailure.PermissionMissing, failure.Failure);
        Assert.Equal("Salesforce's run-as user lacks a permission (INVALID_TYPE: sObject type 'Event' is not supported.). It needs API Enabled and Read on "
            + "Opportunity, User, Task and Event.", failure.Message);
    }

    [Fact]
    public async Task InsufficientAccessIsPermissionMissing()
    {
        await using var sf = SalesforceConnection.Create(_org);
        _org.FailNext(403, "INSUFFICIENT_ACCESS", "insufficient access rights on object id");

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.OwnersAsync(Connection, default));

        Assert.Equal(CrmFailure.PermissionMissing, failure.Failure);
        Assert.Contains("INSUFFICIENT_ACCESS: insufficient access rights on object id", failure.Message);
    }

    [Fact]
    public async Task AServerUnavailableIsTriedAgainAndThenUnavailable()
    {
        _org.AddUser("005A", "sam@acme.example", "Sam Rep");
        await using var sf = SalesforceConnection.Create(_org);
        _org.FailNext(503, "SERVER_UNAVAILABLE", "Server unavailable");

        Assert.Single(await sf.Connector.OwnersAsync(Connection, default));

        _org.FailNext(503, "SERVER_UNAVAILABLE", "Server unavailable", times: 3);
        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.OwnersAsync(Connection, default));
        Assert.Equal(CrmFailure.Unavailable, failure.Failure);
    }

    [Fact]
    public async Task AResumedLoadWhoseQueryLocatorExpiredReadsAgainFromItsCursor()
    {
        _org.BatchSize = 2;
        for (var i = 0; i < 5; i++)
        {
            _org.AddOpportunity($"00600{i}", $"Deal {i}", "005A", 1, "Prospecting", new DateOnly(2026, 4, 1), Monday.AddMinutes(i));
        }

        await using var sf = SalesforceConnection.Create(_org);
        var first = await sf.Connector.DealsAsync(Connection, new CrmCursor(null, null), default);
        _org.ExpireQueryLocators();

        var resumed = await sf.Connector.DealsAsync(Connection, new CrmCursor(null, first.Next), default);

        Assert.Equal(["006000", "006001"], resumed.Items.Select(d => d.Id));
        Assert.NotNull(resumed.Next);
    }

    [Fact]
    public async Task AStoredPageTokenThatIsNotASalesforceQueryPathIsNeverFollowed()
    {
        await using var sf = SalesforceConnection.Create(_org);

        var failure = await Assert.ThrowsAsync<CrmException>(() => sf.Connector.DealsAsync(Connection, new CrmCursor(null, "https://evil.example/x"), default));

        Assert.Equal(CrmFailure.Unavailable, failure.Failure);
        Assert.Empty(_org.Calls);
    }
}
