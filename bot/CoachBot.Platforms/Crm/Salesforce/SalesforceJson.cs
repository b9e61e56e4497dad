using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>JSON as the REST API writes it: field names as in SOQL, datetimes as 2026-03-02T09:00:00.000+0000 (no colon in the offset).</summary>
public static class SalesforceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new DateTimeConverter() } };

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK"];

    public static DateTimeOffset ParseDateTime(string text)
    {
        // .NET's zzz wants +00:00; Salesforce writes +0000.
        var value = text.Length > 5 && text[^5] is '+' or '-' && text[^3] != ':' ? text.Insert(text.Length - 2, ":") : text;
        return DateTimeOffset.ParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
    }

    private sealed class DateTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return ParseDateTime(reader.GetString() ?? "");
            }
            catch (FormatException ex)
            {
                throw new JsonException("Salesforce sent a datetime in an unknown format.", ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
    }
}
