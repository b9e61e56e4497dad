using CoachBot.Coaching.Crm;
using CoachBot.Platforms.Crm.Salesforce;
using CoachBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Testing.Crm;

/// <summary>The connector as AddSalesforceCrm wires it, signed in to a <see cref="FakeSalesforce"/> by JWT bearer or client credentials.</summary>
public sealed class SalesforceConnection : IAsyncDisposable
{
    public static readonly CrmConnection Connection = new(7, 1, CrmKind.Salesforce, null, null);
    private readonly ServiceProvider _services;

    private SalesforceConnection(ServiceProvider services, LogCollector logs)
    {
        _services = services;
        Logs = logs;
    }

    public LogCollector Logs { get; }

    public ICrmConnector Connector => _services.GetServices<ICrmConnector>().Single(c => c.Kind == CrmKind.Salesforce);

    public static SalesforceConnection Create(FakeSalesforce fake, bool jwtBearer = true, TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Crm:Salesforce:ClientId"] = FakeSalesforce.ClientId,
            ["Crm:Salesforce:RetryBaseDelay"] = "00:00:00.010",
        };
        if (jwtBearer)
        {
            values["Crm:Salesforce:LoginUrl"] = fake.LoginUrl;
            values["Crm:Salesforce:Username"] = FakeSalesforce.Username;
            values["Crm:Salesforce:PrivateKeyPem"] = FakeSalesforce.PrivateKeyPem;
        }
        else
        {
            values["Crm:Salesforce:MyDomainUrl"] = fake.LoginUrl;
            values["Crm:Salesforce:ClientSecret"] = FakeSalesforce.ClientSecret;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var logs = new LogCollector();
        var provider = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSalesforceCrm()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        // What ValidateOnStart does when the host starts: a bad section throws here.
        _ = provider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
        return new SalesforceConnection(provider, logs);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
