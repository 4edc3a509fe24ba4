// The baseline of bench/x12.sql and bench/x835.sql: node-x12 (npm) parses
// the same file and counts its claims (CLM segments of an 837, CLP of an
// 835); it maps nothing.  Prints: milliseconds claims.
// Usage: node bench/x12_node.js <node_modules folder> <file> [segment id, default CLM]
'use strict'
const path = require('path')
const fs = require('fs')
const { X12Parser } = require(path.join(process.argv[2], 'node-x12'))

const text = fs.readFileSync(process.argv[3], 'latin1')
const tag = process.argv[4] || 'CLM'
let best = Infinity
let claims = 0
for (let run = 0; run < 2; run++) {
  const started = process.hrtime.bigint()
  const interchange = new X12Parser(true).parse(text)
  claims = 0
  for (const group of interchange.functionalGroups) {
    for (const transaction of group.transactions) {
      for (const segment of transaction.segments) {
        if (segment.tag === tag) claims++
      }
    }
  }
  best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6)
}
console.log(best.toFixed(1) + ' ' + claims)
