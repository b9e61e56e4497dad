using CoachBot.Platforms.Crm.Salesforce;
using CoachBot.Testing.Crm;

namespace CoachBot.Platforms.Tests.Crm.Salesforce;

public sealed class SalesforceOptionsValidatorTests
{
    [Fact]
    public void NoClientIdLeavesSalesforceOff()
    {
        Assert.True(Validate(new SalesforceOptions()).Succeeded);
    }

    [Fact]
    public void JwtBearerWithAUsernameAndAnRsaKeyIsValid()
    {
        var result = Validate(new SalesforceOptions { ClientId = "id", Username = "u@acme.example", PrivateKeyPem = FakeSalesforce.PrivateKeyPem });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void ASecretWithoutAClientIdStopsTheHostNamingTheKey()
    {
        var result = Validate(new SalesforceOptions { ClientSecret = "s" });

        Assert.Contains("Crm:Salesforce:ClientId is missing", result.FailureMessage);
    }

    [Fact]
    public void BothWaysToSignInAtOnceAreRefused()
    {
        var result = Validate(new SalesforceOptions
        {
            ClientId = "id", Username = "u", PrivateKeyPem = FakeSalesforce.PrivateKeyPem, ClientSecret = "s", MyDomainUrl = "https://acme.my.salesforce.com",
        });

        Assert.Contains("exactly one way to sign in", result.FailureMessage);
    }

    [Fact]
    public void ClientCredentialsNeedTheMyDomainAndABadKeyOrShareIsNamed()
    {
        var secret = Validate(new SalesforceOptions { ClientId = "id", ClientSecret = "s", MaxApiUsageShare = 1.5 });
        var key = Validate(new SalesforceOptions { ClientId = "id", Username = "u", PrivateKeyPem = "not a key" });

        Assert.Contains("Crm:Salesforce:MyDomainUrl must be the org's https My Domain URL", secret.FailureMessage);
        Assert.Contains("Crm:Salesforce:MaxApiUsageShare must be above 0 and at most 1", secret.FailureMessage);
        Assert.Contains("Crm:Salesforce:PrivateKeyPem is not an RSA private key", key.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SalesforceOptions options) => new SalesforceOptionsValidator().Validate(null, options);
}
