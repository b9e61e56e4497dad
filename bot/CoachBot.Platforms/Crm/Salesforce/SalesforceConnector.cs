using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>
/// Owners (active Users), deals (Opportunity) and activities (Task, then Event) by SOQL, oldest change first. A page is
/// one query batch; its token is Salesforce's nextRecordsUrl (activities prefix it with the object being read).
/// </summary>
public sealed class SalesforceConnector(SalesforceClient client, IOptions<SalesforceOptions> options, ILogger<SalesforceConnector> logger) : ICrmConnector
{
    private const string TaskPage = "task:";
    private const string EventPage = "event:";
    private volatile bool _singleCurrency;

    public CrmKind Kind => CrmKind.Salesforce;

    public string? NotConfiguredReason => options.Value.IsConfigured ? null
        : "Salesforce is not configured: set Crm:Salesforce:ClientId and either Username + PrivateKeyPem (JWT bearer) or ClientSecret + MyDomainUrl (client credentials), as docs/crm-setup.md#salesforce says.";

    public async Task<IReadOnlyList<CrmOwner>> OwnersAsync(CrmConnection connection, CancellationToken cancellationToken)
    {
        var owners = new List<CrmOwner>();
        var batch = await client.SoqlAsync<SalesforceUser>(SalesforceSoql.Owners, cancellationToken);
        owners.AddRange(batch.Records.Select(u => u.ToOwner()));
        while (!batch.Done && batch.NextRecordsUrl is { } next)
        {
            batch = await client.NextAsync<SalesforceUser>(next, cancellationToken);
            owners.AddRange(batch.Records.Select(u => u.ToOwner()));
        }

        return owners;
    }

    public async Task<CrmPage<CrmDeal>> DealsAsync(CrmConnection connection, CrmCursor cursor, CancellationToken cancellationToken)
    {
        var batch = await ReadAsync<SalesforceOpportunity>("Opportunity", cursor.Page, () => QueryDealsAsync(cursor.ModifiedSince, cancellationToken), cancellationToken);
        return new CrmPage<CrmDeal>(batch.Records.Select(o => o.ToDeal()).ToList(), batch.Done ? null : batch.NextRecordsUrl);
    }

    public async Task<CrmPage<CrmActivity>> ActivitiesAsync(CrmConnection connection, CrmCursor cursor, CancellationToken cancellationToken)
    {
        var since = cursor.ModifiedSince;
        if (cursor.Page is { } page && page.StartsWith(EventPage, StringComparison.Ordinal))
        {
            var events = await ReadAsync<SalesforceEvent>("Event", Url(page[EventPage.Length..]),
                () => client.SoqlAsync<SalesforceEvent>(SalesforceSoql.Events(since), cancellationToken), cancellationToken);
            return new CrmPage<CrmActivity>(events.Records.Select(e => e.ToActivity()).ToList(), events.Done ? null : EventPage + events.NextRecordsUrl);
        }

        // Tasks first; once they are read, the next page starts the events query from the same cursor.
        var tasks = await ReadAsync<SalesforceTask>("Task", cursor.Page is { } t && t.StartsWith(TaskPage, StringComparison.Ordinal) ? Url(t[TaskPage.Length..]) : null,
            () => client.SoqlAsync<SalesforceTask>(SalesforceSoql.Tasks(since), cancellationToken), cancellationToken);
        return new CrmPage<CrmActivity>(tasks.Records.Select(t => t.ToActivity()).ToList(), tasks.Done ? EventPage : TaskPage + tasks.NextRecordsUrl);
    }

    private async Task<SalesforceQueryResult<SalesforceOpportunity>> QueryDealsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        if (!_singleCurrency)
        {
            try
            {
                return await client.SoqlAsync<SalesforceOpportunity>(SalesforceSoql.Deals(since, withCurrency: true), cancellationToken);
            }
            catch (SalesforceQueryException ex) when (ex.Error.Code == "INVALID_FIELD" && ex.Error.Message.Contains("CurrencyIsoCode", StringComparison.Ordinal))
            {
                // CurrencyIsoCode exists only in multi-currency orgs; ask once, then remember.
                SalesforceLog.SingleCurrency(logger);
                _singleCurrency = true;
            }
        }

        return await client.SoqlAsync<SalesforceOpportunity>(SalesforceSoql.Deals(since, withCurrency: false), cancellationToken);
    }

    // Query locators expire after about 15 idle minutes: a load resumed later than that reads from its cursor again,
    // which is safe because the store keeps the newest copy of a record.
    private async Task<SalesforceQueryResult<T>> ReadAsync<T>(string objectName, string? next, Func<Task<SalesforceQueryResult<T>>> query, CancellationToken cancellationToken)
    {
        try
        {
            if (next is not null)
            {
                try
                {
                    return await client.NextAsync<T>(next, cancellationToken);
                }
                catch (SalesforceQueryException ex) when (ex.Error.Code == "INVALID_QUERY_LOCATOR")
                {
                    SalesforceLog.LocatorExpired(logger, objectName);
                }
            }

            return await query();
        }
        catch (SalesforceQueryException ex)
        {
            throw new CrmException(CrmFailure.Unavailable, $"Salesforce refused the {objectName} query ({ex.Error.Code}: {ex.Error.Brief}); the next sync tries again.");
        }
    }

    private static string? Url(string rest) => rest.Length == 0 ? null : rest;
}
