using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>A half-configured connected app stops the host at start-up with the key to fix; no ClientId at all leaves Salesforce off.</summary>
public sealed partial class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var anySecret = !string.IsNullOrWhiteSpace(options.PrivateKeyPem) || !string.IsNullOrWhiteSpace(options.ClientSecret) || !string.IsNullOrWhiteSpace(options.Username);
        if (!options.IsConfigured)
        {
            return anySecret
                ? ValidateOptionsResult.Fail("Crm:Salesforce:ClientId is missing: set the connected app's consumer key, or remove the other Crm:Salesforce keys.")
                : ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var jwt = !string.IsNullOrWhiteSpace(options.PrivateKeyPem);
        var secret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (jwt == secret)
        {
            failures.Add("Crm:Salesforce needs exactly one way to sign in: PrivateKeyPem + Username (JWT bearer) or ClientSecret + MyDomainUrl (client credentials).");
        }
        else if (jwt)
        {
            if (string.IsNullOrWhiteSpace(options.Username))
            {
                failures.Add("Crm:Salesforce:Username is missing: JWT bearer signs in as that user (the connected app's pre-authorized run-as user).");
            }

            if (!IsRsaKey(options.PrivateKeyPem))
            {
                failures.Add("Crm:Salesforce:PrivateKeyPem is not an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).");
            }
        }
        else if (!IsHttps(options.MyDomainUrl))
        {
            failures.Add("Crm:Salesforce:MyDomainUrl must be the org's https My Domain URL (e.g. https://acme.my.salesforce.com): client credentials only work there.");
        }

        if (!IsHttps(options.LoginUrl))
        {
            failures.Add("Crm:Salesforce:LoginUrl must be an https URL: https://login.salesforce.com, or https://test.salesforce.com for a sandbox.");
        }

        if (!VersionPattern().IsMatch(options.ApiVersion))
        {
            failures.Add("Crm:Salesforce:ApiVersion must look like v61.0.");
        }

        if (options.MaxApiUsageShare is <= 0 or > 1)
        {
            failures.Add("Crm:Salesforce:MaxApiUsageShare must be above 0 and at most 1 (0.8 = stop at 80 % of the daily allowance).");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Crm:Salesforce:MaxAttempts must be 1-10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Loopback http is allowed so tests and a local stand-in can take Salesforce's place.
    private static bool IsHttps(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static bool IsRsaKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^v\d{2,3}\.0$")]
    private static partial Regex VersionPattern();
}
