// The baseline of bench/x12.sql: node-x12 (npm) parses the same 837 file and
// counts its CLM segments; it maps no claim.  Prints: milliseconds claims.
// Usage: node bench/x12_node.js <node_modules folder> <file>
'use strict'
const path = require('path')
const fs = require('fs')
const { X12Parser } = require(path.join(process.argv[2], 'node-x12'))

const text = fs.readFileSync(process.argv[3], 'latin1')
let best = Infinity
let claims = 0
for (let run = 0; run < 2; run++) {
  const started = process.hrtime.bigint()
  const interchange = new X12Parser(true).parse(text)
  claims = 0
  for (const group of interchange.functionalGroups) {
    for (const transaction of group.transactions) {
      for (const segment of transaction.segments) {
        if (segment.tag === 'CLM') claims++
      }
    }
  }
  best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6)
}
console.log(best.toFixed(1) + ' ' + claims)
