
/* Appended by overrides/hooks/search_stemming.py to the lunr language file of every stemmed
   language: for each query word "word*", also look up the stem of "word", so inflected words
   find their stem in the stemmed index. */
(function () {
  var nextClause = lunr.QueryParser.prototype.nextClause;
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause, word = /^([^*]+)\*$/.exec(clause.term || "");
    if (word && clause.presence !== lunr.Query.presence.PROHIBITED) {
      var stemmed = { term: word[1], usePipeline: true };
      if (clause.fields) stemmed.fields = clause.fields;
      if (clause.presence) stemmed.presence = clause.presence;
      this.query.clause(stemmed);
    }
    return nextClause.call(this);
  };
})();
