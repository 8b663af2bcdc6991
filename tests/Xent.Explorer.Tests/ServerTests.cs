using System.Net;
using System.Text;

namespace Xent.Explorer.Tests;

/// <summary>The server's boundary over plain HTTP (no browser needed): bad input is a message in a 200 page, never a 500;
/// sizes are limited; the default bind is loopback.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class ServerTests(ExplorerFixture fixture)
{
    [Theory]
    [InlineData("p=abc", "P: entry 1 is 'abc', not a finite number.")]
    [InlineData("p=1e999", "not a finite number")]
    [InlineData("p=1&p=2&q=1", "P has 2 entries but Q has 1")]
    [InlineData("p=0&p=0&q=1&q=1", "every weight is 0")]
    [InlineData("blocks=0", "block length 0 must be a whole number 1 … 10.")]
    [InlineData("blocks=2.5", "must be a whole number")]
    [InlineData("clip=1", "clip 1 must be in [0, 1).")]
    [InlineData("unit=hartleys", "unit 'hartleys' must be bits or nats.")]
    [InlineData("z=1000&z=0", "outside ±50")]
    [InlineData("y=7", "true class 7 must be 0 … 2.")]
    [InlineData("eps=2", "label smoothing 2 must be in [0, 1].")]
    [InlineData("w=1", "there are 1 class weights but 3 classes.")]
    [InlineData("preset=mars", "preset 'mars' is not one of")]
    [InlineData("name=a&name=a&p=1&p=1&q=1&q=1", "outcome names must differ.")]
    public async Task Bad_query_values_are_messages_on_the_page(string query, string message)
    {
        foreach (string path in new[] { "/?", "/view?" })
        {
            var response = await fixture.Http.GetAsync(path + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, html);
        }
    }

    [Fact]
    public async Task Too_many_outcomes_is_a_message()
    {
        string query = string.Join("&", Enumerable.Range(0, ExplorerState.MaxOutcomes + 1).Select(i => "p=1"));
        var html = await fixture.Http.GetStringAsync("/view?" + query);
        Assert.Contains($"33 outcomes are more than the {ExplorerState.MaxOutcomes} the page allows.", html);
    }

    [Fact]
    public async Task An_oversized_request_is_refused_without_a_server_error()
    {
        var longQuery = await fixture.Http.GetAsync("/view?p=" + new string('1', ExplorerServer.MaxRequestLineBytes + 10));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longQuery.StatusCode);

        var body = new StringContent("text=" + new string('x', (int)ExplorerServer.MaxRequestBodyBytes + 10), Encoding.UTF8, "application/x-www-form-urlencoded");
        var big = await fixture.Http.PostAsync("/compress", body);
        Assert.True(big.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge, $"status {big.StatusCode}");
        if (big.StatusCode == HttpStatusCode.OK) Assert.Contains("larger than", await big.Content.ReadAsStringAsync());

        var notForm = await fixture.Http.PostAsync("/compress", new StringContent("hello", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, notForm.StatusCode);
        Assert.Contains("form field named text", await notForm.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Adding_an_outcome_redirects_to_the_new_state()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.BaseUrl) };
        var response = await client.GetAsync("/?op=add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var state = ExplorerState.Parse(new Microsoft.AspNetCore.Http.QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.OriginalString[1..])));
        Assert.Empty(state.Errors);
        Assert.Equal(4, state.Names.Count);
    }

    [Fact]
    public void The_server_listens_where_it_is_told_and_the_default_is_loopback()
    {
        Assert.StartsWith("http://127.0.0.1:", fixture.BaseUrl);
        Assert.Throws<ArgumentException>(() => ExplorerServer.Create("not-a-host", 0));
    }
}
