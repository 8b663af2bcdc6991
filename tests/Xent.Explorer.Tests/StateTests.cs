using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Xent.Reports.Tour;

namespace Xent.Explorer.Tests;

/// <summary>The state's round trip through its query string, and its edits.</summary>
public sealed class StateTests
{
    private static ExplorerState Parse(string query) => ExplorerState.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void Every_preset_round_trips_through_its_query()
    {
        foreach (var preset in Presets.All)
        {
            var state = preset.Apply(new ExplorerState());
            var back = Parse(state.ToQuery());
            Assert.Empty(back.Errors);
            Assert.Equal(state.Names, back.Names);
            Assert.Equal(state.P, back.P);
            Assert.Equal(state.Q, back.Q);
            Assert.Equal(state.Clip, back.Clip);
            Assert.Equal(state.ToQuery(), back.ToQuery());
        }
    }

    [Fact]
    public void Presets_use_the_tour_distributions()
    {
        var london = Presets.Find("london")!.Apply(new ExplorerState());
        Assert.Same(TourDistributions.London, london.P);
        Assert.Same(TourDistributions.Barcelona, london.Q);
        var friend1 = Presets.Find("friend1")!.Apply(new ExplorerState());
        Assert.Equal([TourDistributions.FriendGuesses[0], 1 - TourDistributions.FriendGuesses[0]], friend1.Q);
        Assert.Equal(TourDistributions.ArticleClip, friend1.Clip);
    }

    [Fact]
    public void Comma_lists_and_repeated_keys_mean_the_same()
    {
        Assert.Equal(Parse("p=1,2,3&q=1,1,1").P, Parse("p=1&p=2&p=3&q=1&q=1&q=1").P);
        Assert.Equal(["x1", "x2", "x3"], Parse("p=1,2,3").Names);
    }

    [Fact]
    public void A_bad_field_keeps_its_default_and_the_others_apply()
    {
        var state = Parse("p=1,-1,1&unit=nats&blocks=3");
        Assert.Single(state.Errors);
        Assert.Equal(TourDistributions.London, state.P);
        Assert.Equal("nats", state.Unit);
        Assert.Equal(3, state.BlockLength);
        Assert.Equal(["codes", "distributions"], state.InvalidPanels.Order());
        var model = ExplorerModel.Compute(state);
        Assert.Null(model.Distributions);
        Assert.Null(model.Codes);
        Assert.NotNull(model.Loss);
    }

    [Fact]
    public void Add_and_remove_keep_the_lists_aligned_and_bounded()
    {
        var state = new ExplorerState();
        for (int i = 0; i < 40; i++) state = state.AddOutcome() with { Errors = [] };
        Assert.Equal(ExplorerState.MaxOutcomes, state.Names.Count);
        Assert.Equal(state.Names.Count, state.P.Count);
        Assert.Equal(state.Names.Count, state.Q.Count);
        var removed = new ExplorerState().RemoveOutcome(2);
        Assert.Equal(["Cloudy", "Rainy"], removed.Names);
        Assert.Equal([0.5, 0.4], removed.P);
        // Removing every outcome with weight leaves equal weights, not an empty distribution.
        var lone = Parse("p=1,0&q=0,1").RemoveOutcome(0);
        Assert.Equal([1.0], lone.P);
    }

    [Fact]
    public void The_model_of_a_state_is_the_library_figures()
    {
        var model = ExplorerModel.Compute(new ExplorerState());
        Assert.Empty(model.Messages);
        double[] p = [.. TourDistributions.London], q = [.. TourDistributions.Barcelona];
        Assert.Equal(Xent.Measures.Discrete.KlDivergence(p, q).Value, model.Distributions!.KlPQ.KlDivergence);
        Assert.Equal(8, model.Codes!.Blocks!.Rows.Length);
        Assert.Null(model.Codes.BlocksNote);
    }
}
